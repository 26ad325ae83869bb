import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { roleName } from '../../notify/i18n.ts';
import { coordinatorMessage, coordinatorNotice } from '../followup/texts.ts';
import { wordQuestion } from '../wellbeing/questions.ts';
import { askTexts } from '../wellbeing/texts.ts';
import { confidentialityNotice } from './texts.ts';
import { programmeWords } from './words.ts';

describe('a programme’s own words in every text', () => {
  test('each template names its roles, in French and in English', () => {
    assert.equal(programmeWords('installation-mentoring', 'fr').tutor, 'mentor·e');
    assert.equal(programmeWords('member-tutoring', 'fr').tutor, 'élu·e référent·e');
    assert.equal(programmeWords('member-tutoring', 'en').tutees, 'members');
    assert.equal(programmeWords('des-tutoring', 'fr').tutee, 'interne');
    assert.equal(programmeWords('unknown', 'fr').tutor, 'tuteur·rice');
    assert.equal(roleName('fr', 'tutee', 'member-tutoring'), 'adhérent·e');
    assert.equal(roleName('en', 'coordinator', 'member-tutoring'), 'coordinator');
  });

  test('a check-in request and the confidentiality notice name the programme’s tutor', () => {
    const ask = askTexts('fr', { programme: 'Mentorat', template: 'installation-mentoring', days: 7 });
    assert.match(ask.body, /ce que votre mentor·e peut lire/);
    const notice = confidentialityNotice({
      programme: 'Parrainage',
      template: 'member-tutoring',
      by: 'Zoé',
      reports: { tutee: true, coordinator: false },
    });
    assert.match(
      notice.fr.body,
      /la personne qui l’écrit \(élu·e référent·e\), la personne accompagnée \(adhérent·e\)/,
    );
    assert.doesNotMatch(notice.fr.body, /tuteur/);
    assert.match(notice.en.body, /the elected referent who writes it/);
  });

  test('a persisting alert names the tutor who was told, not “le tuteur ou la tutrice”', () => {
    const n = coordinatorNotice('stuck', { days: 30 }, { tutor: 'Arthur', tutee: 'Éva', programme: 'P' });
    assert.match(n.fr.body, /Arthur a été prévenu·e il y a une semaine\./);
    assert.match(n.en.body, /Arthur was told a week ago\./);
  });

  test('French elides before a name: d’Arthur, qu’Arthur', () => {
    const m = coordinatorMessage('…', { tutor: 'Léa', tutee: 'Éva', programme: 'P', coordinator: 'Arthur' });
    assert.equal(m.fr.title, 'Message d’Arthur au sujet d’Éva');
    const note = {
      id: 'note',
      preset: 'note' as const,
      kind: 'text' as const,
      label: null,
      distressAnswer: null,
    };
    assert.equal(wordQuestion(note, 'fr', 'Arthur').label, 'Quelque chose que vous voulez qu’Arthur sache ?');
    assert.equal(
      wordQuestion(note, 'fr', 'votre mentor·e').label,
      'Quelque chose que vous voulez que votre mentor·e sache ?',
    );
    assert.equal(wordQuestion(note, 'en', 'Arthur').label, 'Anything you want Arthur to know?');
  });
});
