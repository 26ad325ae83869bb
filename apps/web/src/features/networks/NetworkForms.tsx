import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../app/errors';
import { ErrorAlert } from '../../app/ui';
import { type MyNetworks, type NewNetwork, useCreateNetwork, useJoinNetwork } from './queries';

type Teams = MyNetworks['teams'];
interface ModalProps {
  opened: boolean;
  onClose: () => void;
  teams: Teams;
}

const teamOptions = (teams: Teams) =>
  teams.map((x) => ({ value: x.id, label: `${x.name} — ${x.programme}` }));

/** A new network, started with one of the teams the person's coordination answers for; its code is shown next. */
export function CreateNetworkModal({ opened, onClose, teams }: ModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm<NewNetwork>({
    initialValues: { name: '', scope: 'regional', description: '', teamId: teams[0]?.id ?? '' },
  });
  const create = useCreateNetwork({
    onSuccess: (made) => navigate(`/reseaux/${made.id}`, { state: { code: made.code } }),
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('networks.create.title')} size="lg">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('networks.create.name')} required {...form.getInputProps('name')} />
          <SegmentedControl
            aria-label={t('networks.create.scope')}
            data={(['regional', 'national'] as const).map((s) => ({
              value: s,
              label: t(`networks.scope.${s}`),
            }))}
            {...form.getInputProps('scope')}
          />
          <Textarea
            label={t('networks.create.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Select
            label={t('networks.create.team')}
            description={t('networks.create.teamHelp')}
            data={teamOptions(teams)}
            allowDeselect={false}
            required
            {...form.getInputProps('teamId')}
          />
          {create.error && !form.errors.name ? <ErrorAlert error={create.error} /> : null}
          <Footer onClose={onClose} pending={create.isPending} label={t('networks.create.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Joins one of the person's teams to a network with the code its coordination gave. */
export function JoinNetworkModal({ opened, onClose, teams }: ModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm({ initialValues: { code: '', teamId: teams[0]?.id ?? '' } });
  const join = useJoinNetwork({ onSuccess: (j) => navigate(`/reseaux/${j.networkId}`) });
  return (
    <Modal opened={opened} onClose={onClose} title={t('networks.join.title')} size="lg">
      <form onSubmit={form.onSubmit((v) => join.mutate(v))} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('networks.join.help')}
          </Text>
          <TextInput
            label={t('networks.join.code')}
            placeholder="ABCD-EFGH-JKLM"
            autoComplete="off"
            autoCapitalize="characters"
            required
            {...form.getInputProps('code')}
          />
          <Select
            label={t('networks.join.team')}
            data={teamOptions(teams)}
            allowDeselect={false}
            required
            {...form.getInputProps('teamId')}
          />
          {join.error ? <ErrorAlert error={join.error} /> : null}
          <Footer onClose={onClose} pending={join.isPending} label={t('networks.join.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Cancel, and the form's own submit button. */
function Footer({ onClose, pending, label }: { onClose: () => void; pending: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
    </Group>
  );
}
