import type { ReactNode } from 'react';

/** A table wider than a phone: it scrolls sideways, and takes the focus so a keyboard can scroll it. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      style={{ overflowX: 'auto' }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus to scroll by keyboard
      tabIndex={0}
    >
      {children}
    </section>
  );
}
