import { Fragment } from 'react';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+|\/login\/link\?token=[^\s<>"]+)/g;

/**
 * Plain mail text with its links clickable (ops open a customer's magic link from here).
 * Text is rendered as text, never as HTML, so a crafted mail cannot inject markup.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="font-sans text-sm whitespace-pre-wrap">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-brand-700 underline" target="_blank" rel="noreferrer">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}
