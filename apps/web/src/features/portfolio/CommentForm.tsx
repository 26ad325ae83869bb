import { Button, CloseButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconQuote, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import classes from './portfolio.module.css';
import { type TraceRef, useComment } from './queries';

/**
 * A comment on the trace, overall or on a passage: the passage comes from a selection in the text,
 * or is pasted in by hand (the way in without a pointer).
 */
export function CommentForm({
  traceRef,
  quote,
  onQuoteChange,
  canQuote,
}: {
  traceRef: TraceRef;
  quote: string | null;
  onQuoteChange: (quote: string | null) => void;
  canQuote: boolean;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [quoting, setQuoting] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const comment = useComment(traceRef, {
    onSuccess: () => {
      setBody('');
      setQuoting(false);
      onQuoteChange(null);
    },
  });
  // A passage picked in the text: the comment box comes into view, ready to type.
  useEffect(() => {
    if (quote === null) return;
    area.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    area.current?.focus({ preventScroll: true });
  }, [quote]);
  const showQuote = quote !== null || quoting;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) comment.mutate({ body: body.trim(), quote: quote?.trim() || null });
      }}
    >
      <Stack gap="xs">
        {canQuote && (
          <QuoteField shown={showQuote} quote={quote} onQuoteChange={onQuoteChange} onShow={setQuoting} />
        )}
        <Textarea
          ref={area}
          label={showQuote ? t('portfolio.comment.onPassage') : t('portfolio.comment.label')}
          autosize
          minRows={3}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        {comment.error && <ErrorAlert error={comment.error} />}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={comment.isPending}
            disabled={!body.trim()}
            leftSection={<IconSend size={16} aria-hidden />}
          >
            {t('portfolio.comment.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The passage a comment is about: picked in the text, pasted, or none. */
function QuoteField({
  shown,
  quote,
  onQuoteChange,
  onShow,
}: {
  shown: boolean;
  quote: string | null;
  onQuoteChange: (quote: string | null) => void;
  onShow: (shown: boolean) => void;
}) {
  const { t } = useTranslation();
  if (!shown)
    return (
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconQuote size={14} aria-hidden />}
          onClick={() => onShow(true)}
        >
          {t('portfolio.comment.addQuote')}
        </Button>
      </Group>
    );
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500} id="comment-quote-label">
          {t('portfolio.comment.quoteLabel')}
        </Text>
        <CloseButton
          size="sm"
          aria-label={t('portfolio.comment.removeQuote')}
          onClick={() => {
            onQuoteChange(null);
            onShow(false);
          }}
        />
      </Group>
      <Textarea
        aria-labelledby="comment-quote-label"
        autosize
        minRows={1}
        maxRows={6}
        maxLength={2000}
        value={quote ?? ''}
        onChange={(e) => onQuoteChange(e.currentTarget.value)}
        classNames={{ input: classes.quote }}
      />
    </Stack>
  );
}
