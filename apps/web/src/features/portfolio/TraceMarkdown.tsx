import { forwardRef } from 'react';
import Markdown, { type Components } from 'react-markdown';
import classes from './portfolio.module.css';

// A trace's headings sit under the page's own section heading (level 2): they start at level 3.
const components: Components = {
  h1: 'h3',
  h2: 'h3',
  h3: 'h4',
  h4: 'h5',
  h5: 'h6',
  h6: 'h6',
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  img: ({ alt }) => (alt ? <span>[{alt}]</span> : null),
};

/**
 * A trace's Markdown text, rendered without any raw HTML and without remote images (an image in the
 * text would tell a third party when the trace is read): only their alternative text shows.
 */
export const TraceMarkdown = forwardRef<HTMLDivElement, { text: string }>(function TraceMarkdown(
  { text },
  ref,
) {
  return (
    <div ref={ref} className={classes.markdown}>
      <Markdown skipHtml components={components}>
        {text}
      </Markdown>
    </div>
  );
});
