import type { Lang } from '../../notify/i18n.ts';

// The charter a programme starts from when its coordination has written none: the commitments of a
// mentoring year between health professionals (definition, goal, principles, roles, how it runs),
// in the organisation's language. The coordination edits it before anyone signs, or later as a new
// version.

interface Values {
  organisation: string;
  months: number;
  minimum: number;
}

const fr = (v: Values) => `# Charte de mentorat

## 1. Ce qu’est le mentorat

Le mentorat est une relation de soutien et d’apprentissage entre deux professionnel·les de santé. Un·e professionnel·le expérimenté·e, **le mentor**, met son expérience au service d’un·e confrère ou d’une consœur qui s’installe ou vient de s’installer, **le ou la mentoré·e**, pour l’aider à avancer dans son projet professionnel. Le ou la mentoré·e arrive avec ses questions, ses besoins et ses objectifs.

## 2. À quoi il sert

Le programme relie un·e professionnel·le en cours d’installation en libéral avec un·e professionnel·le en activité qui l’écoute et l’accompagne aux étapes clés : mûrir son projet, choisir son lieu d’exercice, anticiper les démarches.

Le mentor ne donne pas toutes les réponses. À partir de sa propre expérience, il aide le ou la mentoré·e à trouver ses ressources et à gagner en autonomie. Il écoute d’abord, et questionne les choix et les objectifs.

## 3. Principes

Le mentorat **n’est pas** :

- un service de l’Assurance maladie, ni un substitut à ses conseillers ;
- une garantie que l’installation réussira ;
- une proposition d’association ou de collaboration ;
- une évaluation de qui que ce soit.

Le mentorat **est** :

- un engagement bénévole : personne n’est rémunéré, ni d’un côté ni de l’autre ;
- un échange qui enrichit les deux parties ;
- une transmission de savoirs personnels et professionnels.

Il repose sur :

- la **confidentialité** de ce qui se dit ;
- l’**absence de conflit d’intérêts** ;
- l’**absence de jugement**, le respect mutuel et l’ouverture d’esprit.

Mentor et mentoré·e sont coresponsables : le mentor veille au cadre de la relation ; le ou la mentoré·e reste maître de ses décisions et de ses résultats.

## 4. Les engagements de chacun

**Le mentor s’engage à :**

- partager son expérience, ses connaissances et son réseau ;
- rester disponible et à l’écoute pour faire vivre la relation ;
- poser des questions qui aident à structurer la réflexion, sans juger ni évaluer ;
- garder confidentiel ce qui est échangé et n’en faire aucun usage qui puisse nuire.

**Le ou la mentoré·e s’engage à :**

- rester disponible et à l’écoute pour faire vivre la relation ;
- dire clairement ses besoins et ses objectifs ;
- garder confidentiel ce qui est échangé et n’en faire aucun usage qui puisse nuire ;
- prendre ses décisions et agir pour atteindre ses objectifs.

**${v.organisation} s’engage à :**

- mettre les personnes en relation, suivre les binômes et ajuster si besoin ;
- fournir des outils et une méthode pour que la relation se déroule bien ;
- soutenir individuellement mentors et mentoré·es face aux difficultés ;
- conduire un bilan qualitatif et quantitatif du programme qui respecte la confidentialité des échanges.

## 5. Déroulement

**Durée.** Le mentorat commence à la demande du ou de la mentoré·e et dure ${v.months} mois.

**Rencontres.** La première rencontre est organisée par le mentor. Ensuite, le binôme se voit environ une fois par mois, en personne ou en visioconférence, avec au moins ${v.minimum} rencontres. Les échanges par e-mail ou téléphone s’ajoutent librement. Les rendez-vous sont fixés d’un commun accord et n’empiètent pas sur l’activité professionnelle de chacun.

**Bilan.** Le binôme échange régulièrement et fait, à la fin, un bilan qualitatif transmis à ${v.organisation}, qui en garde la confidentialité.

## 6. Signatures

Le mentor, le ou la mentoré·e et ${v.organisation} signent cette charte : chacun·e tape son nom complet et confirme qu’il ou elle signe ce texte.
`;

const en = (v: Values) => `# Mentoring charter

## 1. What mentoring is

Mentoring is a relationship of support and learning between two health professionals. An experienced professional, **the mentor**, puts their experience at the service of a colleague who is setting up in practice or has just done so, **the mentee**, to help them move their professional project forward. The mentee comes with their questions, needs and goals.

## 2. What it is for

The programme links a professional setting up in private practice with a practising professional who listens and supports them through the key steps: maturing the project, choosing where to practise, anticipating the formalities.

The mentor does not give every answer. Drawing on their own experience, they help the mentee find their own resources and become more autonomous. They listen first, and question choices and goals.

## 3. Principles

Mentoring **is not**:

- a service of the health insurance, nor a substitute for its advisers;
- a guarantee that the setting-up will succeed;
- an offer of partnership or association;
- an evaluation of anyone.

Mentoring **is**:

- voluntary: nobody is paid, on either side;
- an exchange that enriches both parties;
- a passing on of personal and professional knowledge.

It rests on:

- the **confidentiality** of what is said;
- the **absence of any conflict of interest**;
- the **absence of judgement**, mutual respect and an open mind.

Mentor and mentee share the responsibility: the mentor looks after the frame of the relationship; the mentee remains in charge of their decisions and results.

## 4. Each party’s commitments

**The mentor commits to:**

- share their experience, knowledge and network;
- stay available and listening to keep the relationship alive;
- ask questions that help structure the mentee’s thinking, without judging or evaluating;
- keep what is exchanged confidential and make no use of it that could cause harm.

**The mentee commits to:**

- stay available and listening to keep the relationship alive;
- state their needs and goals clearly;
- keep what is exchanged confidential and make no use of it that could cause harm;
- make their decisions and act to reach their goals.

**${v.organisation} commits to:**

- put people in touch, follow the pairs and adjust when needed;
- provide tools and a method so that the relationship runs well;
- support mentors and mentees individually when they meet difficulties;
- run a qualitative and quantitative review of the programme that respects the confidentiality of the exchanges.

## 5. How it runs

**Duration.** Mentoring starts at the mentee’s request and lasts ${v.months} months.

**Meetings.** The mentor organises the first meeting. The pair then meets about once a month, in person or by video, with at least ${v.minimum} meetings. E-mails and phone calls come in addition, as the pair sees fit. Meetings are set by mutual agreement and do not encroach on either party’s professional activity.

**Review.** The pair talks regularly and, at the end, writes a qualitative review sent to ${v.organisation}, which keeps it confidential.

## 6. Signatures

The mentor, the mentee and ${v.organisation} sign this charter: each types their full name and confirms they sign this text.
`;

/** The default charter of a programme, in the organisation's language. */
export function defaultCharter(lang: Lang, values: Values): string {
  return lang === 'en' ? en(values) : fr(values);
}
