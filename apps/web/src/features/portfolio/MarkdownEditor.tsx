import { ActionIcon, Group, Paper, SegmentedControl, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconBold, IconHeading, IconList } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './portfolio.module.css';
import { TraceMarkdown } from './TraceMarkdown';

type Edit = (text: string, start: number, end: number) => { text: string; start: number; end: number };

/** Puts a prefix at the start of every line the selection touches (or removes it when all have it). */
const prefixLines =
  (prefix: string): Edit =>
  (text, start, end) => {
    const from = text.lastIndexOf('\n', start - 1) + 1;
    const toBreak = text.indexOf('\n', end);
    const to = toBreak === -1 ? text.length : toBreak;
    const lines = text.slice(from, to).split('\n');
    const all = lines.every((l) => l.startsWith(prefix));
    const changed = lines
      .map((l) => (all ? l.slice(prefix.length) : prefix + l.replace(/^#+\s|^- /, '')))
      .join('\n');
    return { text: text.slice(0, from) + changed + text.slice(to), start: from, end: from + changed.length };
  };

const bold: Edit = (text, start, end) => {
  const inner = text.slice(start, end) || '…';
  const wrapped = `**${inner}**`;
  return {
    text: text.slice(0, start) + wrapped + text.slice(end),
    start: start + 2,
    end: start + 2 + inner.length,
  };
};

/** The trace's text in Markdown, with a toolbar for the three things a trace needs, and its preview. */
export function MarkdownEditor({
  value,
  onChange,
  label,
  description,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  description: string;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const apply = (edit: Edit) => {
    const el = area.current;
    if (!el) return;
    const next = edit(value, el.selectionStart, el.selectionEnd);
    onChange(next.text);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.start, next.end);
    });
  };
  return (
    <Stack gap={6}>
      <Stack gap={2}>
        <Text component="label" htmlFor={id} size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed" id={`${id}-help`}>
          {description}
        </Text>
      </Stack>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(m) => setMode(m as 'write' | 'preview')}
          data={[
            { value: 'write', label: t('portfolio.editor.write') },
            { value: 'preview', label: t('portfolio.editor.preview') },
          ]}
          aria-label={t('portfolio.editor.mode')}
        />
        {mode === 'write' && <Toolbar onEdit={apply} />}
      </Group>
      {mode === 'write' ? (
        <Textarea
          ref={area}
          id={id}
          aria-describedby={`${id}-help`}
          autosize
          minRows={12}
          maxRows={40}
          maxLength={100_000}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          className={classes.editor}
        />
      ) : (
        <Paper withBorder p="md" radius="md" aria-label={t('portfolio.editor.preview')} role="region">
          {value.trim() ? (
            <TraceMarkdown text={value} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('portfolio.editor.empty')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}

function Toolbar({ onEdit }: { onEdit: (edit: Edit) => void }) {
  const { t } = useTranslation();
  const tools = [
    { label: t('portfolio.editor.heading'), icon: IconHeading, edit: prefixLines('## ') },
    { label: t('portfolio.editor.bold'), icon: IconBold, edit: bold },
    { label: t('portfolio.editor.list'), icon: IconList, edit: prefixLines('- ') },
  ];
  return (
    <Group gap={4} role="toolbar" aria-label={t('portfolio.editor.toolbar')}>
      {tools.map((tool) => (
        <Tooltip key={tool.label} label={tool.label}>
          <ActionIcon variant="default" size="lg" aria-label={tool.label} onClick={() => onEdit(tool.edit)}>
            <tool.icon size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}
