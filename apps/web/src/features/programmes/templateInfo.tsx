import { templateIds } from '@compagnon/server/modules/programmes/templates.ts';
import {
  type Icon,
  IconBuildingHospital,
  IconHeartHandshake,
  IconSchool,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { TemplateId } from '../../app/types';

export { templateIds };

export const templateIcons: Record<TemplateId, Icon> = {
  'des-tutoring': IconSchool,
  'peer-tutoring': IconUsersGroup,
  'member-tutoring': IconHeartHandshake,
  'installation-mentoring': IconBuildingHospital,
  'tutor-peer-support': IconUsers,
};

export const isTemplateId = (v: string): v is TemplateId => (templateIds as readonly string[]).includes(v);
