import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage } from './i18n';
import { useChangeLanguage } from './session';

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const change = useChangeLanguage();
  return (
    <SegmentedControl
      size={size}
      radius="xl"
      aria-label={t('language.label')}
      value={isLanguage(i18n.language) ? i18n.language : 'fr'}
      onChange={(v) => isLanguage(v) && void change(v)}
      data={[
        {
          value: 'fr',
          label: (
            <>
              <span aria-hidden>FR</span>
              <VisuallyHidden lang="fr">Français</VisuallyHidden>
            </>
          ),
        },
        {
          value: 'en',
          label: (
            <>
              <span aria-hidden>EN</span>
              <VisuallyHidden lang="en">English</VisuallyHidden>
            </>
          ),
        },
      ]}
    />
  );
}
