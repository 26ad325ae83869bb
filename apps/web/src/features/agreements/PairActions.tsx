import { Anchor, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconLifebuoy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/ui';
import { type AgreementView, charterPdfUrl, useEndEarly, useMoveEnd } from './queries';

/** What the viewer may do with the pair: the signed PDF, help from the coordination, the end day, ending early. */
export function PairActions({ v }: { v: AgreementView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'end' | 'move' | null>(null);
  const help = `/organisations/${v.programme.orgId}/difficultes/nouvelle?programme=${v.programme.id}&binome=${v.pairing.id}`;
  return (
    <Group gap="xs" wrap="wrap">
      {v.can.download && (
        <Button
          component="a"
          href={charterPdfUrl(v.pairing.id)}
          download
          size="xs"
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('agreements.pdf')}
        </Button>
      )}
      {v.can.askHelp && (
        <Button
          component={Link}
          to={help}
          size="xs"
          variant="default"
          leftSection={<IconLifebuoy size={16} aria-hidden />}
        >
          {t('agreements.askHelp')}
        </Button>
      )}
      {v.can.moveEnd && (
        <Button size="xs" variant="default" onClick={() => setOpen('move')}>
          {t('agreements.move.open')}
        </Button>
      )}
      {v.can.endEarly && (
        <Button size="xs" variant="subtle" color="red" onClick={() => setOpen('end')}>
          {t('agreements.end.open')}
        </Button>
      )}
      <EndEarlyModal v={v} opened={open === 'end'} onClose={() => setOpen(null)} />
      <MoveEndModal v={v} opened={open === 'move'} onClose={() => setOpen(null)} />
    </Group>
  );
}

function EndEarlyModal({ v, opened, onClose }: { v: AgreementView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const end = useEndEarly(v.pairing.id, {
    onSuccess: () => {
      notifications.show({ color: 'sauge', message: t('agreements.end.done') });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('agreements.end.title')} centered>
      <Stack>
        <Text size="sm">{t('agreements.end.help')}</Text>
        <Textarea
          label={t('agreements.end.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        {end.error && <ErrorAlert error={end.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={reason.trim().length < 3}
            loading={end.isPending}
            onClick={() => end.mutate({ reason })}
          >
            {t('agreements.end.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function MoveEndModal({ v, opened, onClose }: { v: AgreementView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [endOn, setEndOn] = useState(v.term?.endOn ?? '');
  const [reason, setReason] = useState('');
  const move = useMoveEnd(v.pairing.id, {
    onSuccess: () => {
      notifications.show({ color: 'sauge', message: t('agreements.move.done') });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('agreements.move.title')} centered>
      <Stack>
        <Text size="sm">{t('agreements.move.help')}</Text>
        <TextInput
          type="date"
          label={t('agreements.move.endOn')}
          value={endOn}
          onChange={(e) => setEndOn(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t('agreements.move.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        {move.error && <ErrorAlert error={move.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={reason.trim().length < 3 || !endOn}
            loading={move.isPending}
            onClick={() => move.mutate({ endOn, reason })}
          >
            {t('agreements.move.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The signed PDF as a plain link, where a button would be too much. */
export const PdfLink = ({ v }: { v: AgreementView }) => {
  const { t } = useTranslation();
  return v.can.download ? (
    <Anchor href={charterPdfUrl(v.pairing.id)} size="sm" download>
      {t('agreements.pdf')}
    </Anchor>
  ) : null;
};
