import type { DefaultGuide } from './defaults.ts';

// The library's shipped guides in French, for a GP tutor (the DES of general medicine and the
// tutoring of newly installed GPs). An organisation gets its own copy on first need and edits it.

export const guidesFr: DefaultGuide[] = [
  {
    key: 'premiere-rencontre',
    theme: 'first-meeting',
    title: 'Première rencontre',
    when: 'Dans le premier mois : journée d’accueil ou premier rendez-vous du binôme ou du groupe',
    body: `## Questions à poser
- Quel est ton parcours jusqu’ici, et où es-tu en stage ce semestre ?
- Qu’attends-tu du tutorat ? Qu’est-ce qui t’inquiète le plus cette année ?
- Comment préfères-tu qu’on se joigne (SMS, courriel, Compagnon) et à quel rythme ?
- Y a-t-il déjà une difficulté de stage dont tu veux parler : gardes, repos de sécurité, encadrement ?

## Étapes
1. Présentez-vous : votre exercice, votre propre internat, pourquoi vous êtes tuteur.
2. Dites ce qu’est le tutorat — un accompagnement sur trois ans — et ce qu’il n’est pas : ni une évaluation, ni une consultation médicale.
3. Fixez ensemble la date de la prochaine rencontre avant de vous quitter.
4. Montrez où trouver de l’aide indépendante du département en cas de coup dur.

## Pièges
- Parler plus que l’interne : la première rencontre sert d’abord à écouter.
- Promettre une disponibilité que vous ne pourrez pas tenir.
- Oublier de noter le moyen de contact convenu.`,
  },
  {
    key: 'choix-de-stage',
    theme: 'internship-choice',
    title: 'Choix de stage',
    when: 'Un mois avant les choix de stage (mars et septembre)',
    body: `## Questions à poser
- Quels stages restent à valider dans ta maquette, et dans quel ordre ?
- Qu’as-tu aimé ou pas dans tes stages précédents ?
- Quelles contraintes personnelles comptent : logement, trajets, famille ?
- Le stage chez le praticien (SASPAS) : qu’en attends-tu ?

## Étapes
1. Reprenez ensemble la maquette et les stages obligatoires de la phase en cours.
2. Partagez ce que vous savez des terrains (ambiance, encadrement, gardes) et orientez vers les retours des autres internes.
3. Aidez à classer les vœux selon le projet professionnel, pas seulement selon le rang.
4. Proposez un point rapide après les choix.

## Pièges
- Décider à la place de l’interne.
- Donner un avis tranché sur un terrain que vous ne connaissez que par ouï-dire.
- Oublier les stages obligatoires d’une phase, qui bloquent la validation.`,
  },
  {
    key: 'maquette',
    theme: 'maquette',
    title: 'Comprendre la maquette du DES',
    when: 'Au premier semestre, puis à chaque changement de phase',
    body: `## Questions à poser
- Sais-tu dans quelle phase tu es (socle, approfondissement, consolidation) et ce qu’elle demande ?
- Quels cours, séminaires et traces dois-tu valider ce semestre ?
- As-tu repéré les dates de la commission de validation de phase ?

## Étapes
1. Parcourez ensemble les phases du DES et les stages obligatoires de chacune.
2. Listez les traces attendues (RSCA, récits, grilles) et les échéances du semestre.
3. Parlez de la phase de docteur junior : ce qui change en autonomie et en responsabilités.
4. Notez les questions à poser au département de médecine générale.

## Pièges
- Laisser s’accumuler les traces jusqu’à la fin du semestre.
- Confondre les exigences de la faculté avec des habitudes d’un terrain de stage.
- Répondre de mémoire sur une règle qui a pu changer : vérifiez auprès du département.`,
  },
  {
    key: 'ecriture-rsca',
    theme: 'rsca',
    title: 'Écrire un RSCA',
    when: 'Au milieu du semestre, avant l’échéance des traces',
    body: `## Questions à poser
- Quelle situation authentique, vécue par toi, t’a marqué, dérangé ou fait douter ce semestre ?
- Qu’est-ce qui la rend complexe : médical, relationnel, éthique, organisationnel ?
- Quelles questions en tires-tu, et où chercheras-tu les réponses ?

## Étapes
1. Choisissez une situation authentique, vécue par l’interne, et complexe.
2. Le récit d’abord : ce qui s’est passé, dans l’ordre, avec ce que l’interne a ressenti.
3. Les problématiques : deux ou trois questions précises, pas un cours.
4. La recherche documentaire : sources citées, niveau de preuve discuté.
5. Ce que l’interne en retient pour sa pratique : la synthèse personnelle.
6. Proposez une relecture croisée dans le groupe, avec l’accord de l’auteur.

## Pièges
- Un cas « intéressant » sans implication personnelle : ce n’est pas un RSCA.
- Des problématiques trop larges (« la prise en charge du diabète »).
- Réécrire le texte à la place de l’interne : commentez, questionnez.
- Oublier l’anonymisation du patient.`,
  },
  {
    key: 'sujet-de-these',
    theme: 'thesis',
    title: 'Trouver un sujet de thèse',
    when: 'En deuxième année, au plus tard au début de la phase d’approfondissement',
    body: `## Questions à poser
- Quelle question rencontrée en stage t’a donné envie d’en savoir plus ?
- Préfères-tu un travail qualitatif (entretiens, focus groups) ou quantitatif (questionnaires, données) ?
- As-tu une idée de directeur ou de directrice de thèse ?
- Quel calendrier vises-tu pour la soutenance ?

## Étapes
1. Partez d’une question de pratique en soins primaires, formulée en une phrase.
2. Vérifiez qu’elle n’a pas déjà été traitée (bases de thèses, PubMed, revues de médecine générale).
3. Cherchez un directeur ou une directrice : maîtres de stage, enseignants du département.
4. Rédigez la fiche de thèse et soumettez-la selon la procédure du département.
5. Prévoyez les démarches réglementaires (comité d’éthique, déclaration des données) avant de recueillir quoi que ce soit.

## Pièges
- Un sujet trop vaste pour une thèse d’exercice.
- Commencer le recueil avant l’avis réglementaire.
- Attendre la dernière année : la thèse doit être soutenue dans les délais du DES.`,
  },
  {
    key: 'installation',
    theme: 'installation',
    title: 'Les étapes de l’installation',
    when: 'En fin de DES, puis pendant les premières années d’exercice',
    body: `## Questions à poser
- Quel exercice imagines-tu : seul, en groupe, en maison de santé, en remplacement d’abord ?
- Quel territoire, et pour quelles raisons ?
- Où en es-tu des démarches : licence de remplacement, inscription à l’Ordre, URSSAF ?

## Étapes
1. Remplacer pour découvrir : licence de remplacement, contrats types de l’Ordre.
2. Choisir un lieu : besoins du territoire, zonage et aides à l’installation, CPTS et maisons de santé.
3. Les démarches : Ordre, Assurance maladie, URSSAF, caisse de retraite, assurance professionnelle.
4. Organiser le cabinet : secrétariat, logiciel, permanence des soins.
5. Préserver l’équilibre entre vie professionnelle et vie personnelle dès le départ.

## Pièges
- S’installer sans avoir remplacé dans la région.
- Signer un contrat d’association sans le faire relire.
- Sous-estimer la charge administrative de la première année.`,
  },
  {
    key: 'tutore-en-difficulte',
    theme: 'difficulty',
    title: 'Un tutoré en difficulté',
    when: 'Dès qu’un signe vous inquiète : retrait, retard de traces, épuisement, conflit en stage',
    body: `## Questions à poser
- Comment vas-tu, vraiment ? Qu’est-ce qui est le plus lourd en ce moment ?
- Est-ce le stage, la charge de travail, la vie personnelle, la santé ?
- De quoi aurais-tu besoin, et de qui ?

## Étapes
1. Prenez contact vite, simplement, sans attendre la prochaine rencontre prévue.
2. Écoutez, reformulez, ne jugez pas.
3. Orientez vers une aide indépendante : le guide du tuteur et l’annuaire d’aide de l’organisation détaillent quoi dire et vers qui orienter — [ouvrir l’aide et le guide du tuteur](HELP_PAGE).
4. Pour une difficulté de stage (harcèlement, conditions de travail), proposez de la signaler à la coordination, nommément ou anonymement.
5. Proposez un nouveau point dans la semaine.

## Pièges
- Devenir le médecin de l’interne : vous accompagnez et orientez, vous ne soignez pas.
- Prévenir la coordination sans son accord, sauf danger immédiat.
- Rester seul avec la situation : parlez-en à votre équipe de tuteurs, de façon anonymisée.`,
  },
];
