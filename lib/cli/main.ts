// The frame of every command-line entry point (scripts/*.ts): whatever goes wrong outside the
// command's own handling — an invalid environment, a database that cannot be opened, a bug — ends
// as one readable line on stderr and exit code 2, never a stack trace (unless --verbose is given).
// Content problems are the command's own business (exit 1).

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Prisma and driver errors span many lines; the first one names the problem.
  return error.message.split("\n").find((line) => line.trim() !== "")?.trim() ?? error.name;
}

/** Runs a command and sets the exit code; `run` imports what it needs inside, so import-time errors are caught too. */
export async function runMain(name: string, run: (io: CliIo) => Promise<number>, argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await run(processIo);
  } catch (error) {
    processIo.err(`${name}: ${describeError(error)}`);
    if (argv.includes("--verbose") && error instanceof Error && error.stack) processIo.err(error.stack);
    process.exitCode = 2;
  }
}
