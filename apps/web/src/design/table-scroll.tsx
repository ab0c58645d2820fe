import { clsx } from 'clsx';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Where a table is wider than the screen (a phone), it scrolls inside this labelled region instead of
 * taking the page sideways with it. While it scrolls, the region is a tab stop, so a keyboard user can
 * reach it and scroll with the arrow keys (WCAG 2.1.1); while it fits, it is not an extra stop.
 */
export function TableScroll({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      role="region"
      aria-label={label}
      tabIndex={scrolls ? 0 : undefined}
      className={clsx('max-w-full overflow-x-auto', className)}
    >
      {children}
    </div>
  );
}
