"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, MouseEvent, TouchEvent } from "react";

// `next/link` prefetches every link as soon as it scrolls into view: an article page with its
// entities, related stories and timeline fired about 45 requests on load. Here a page is
// prefetched on intent only, when the pointer rests on a link, a finger touches it or the keyboard
// focuses it, so navigation still starts ahead of the click and a page view costs one request per
// link the reader reaches for. Every page links through this component.

type Props = ComponentProps<typeof NextLink>;

export default function Link({ href, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  const url = typeof href === "string" ? href : null;
  const prefetch = () => {
    if (url !== null && url.startsWith("/") && !url.startsWith("//")) router.prefetch(url);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        prefetch();
        onTouchStart?.(event);
      }}
    />
  );
}
