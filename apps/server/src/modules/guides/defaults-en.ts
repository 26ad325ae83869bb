import type { DefaultGuide } from './defaults.ts';

// The library's shipped guides in English, for a GP tutor. Same guides as defaults-fr.ts, written
// for English-speaking organisations rather than translated word for word.

export const guidesEn: DefaultGuide[] = [
  {
    key: 'premiere-rencontre',
    theme: 'first-meeting',
    title: 'First meeting',
    when: 'In the first month: welcome day or the first meeting of the pair or group',
    body: `## Questions to ask
- What brought you here, and where is your placement this term?
- What do you expect from tutoring? What worries you most this year?
- How would you like us to reach each other (text, e-mail, Compagnon), and how often?
- Is there already a difficulty at your placement you want to talk about: on-call nights, rest after call, supervision?

## Steps
1. Introduce yourself: your practice, your own training, why you tutor.
2. Say what tutoring is — support over the three years — and what it is not: neither an assessment nor a medical consultation.
3. Agree on the date of the next meeting before you part.
4. Show where to find help that is independent of the department when things go wrong.

## Pitfalls
- Talking more than the resident: a first meeting is for listening.
- Promising availability you cannot keep.
- Forgetting to note the way of reaching each other you agreed on.`,
  },
  {
    key: 'choix-de-stage',
    theme: 'internship-choice',
    title: 'Choosing placements',
    when: 'A month before placement choices (March and September)',
    body: `## Questions to ask
- Which placements does your training plan still require, and in what order?
- What did you like, or not, in your previous placements?
- Which personal constraints matter: housing, travel, family?
- The placement in a GP practice: what do you expect from it?

## Steps
1. Go through the training plan and the compulsory placements of the current phase together.
2. Share what you know of the placements (atmosphere, supervision, on-call duty) and point to other residents' feedback.
3. Help rank the choices by the professional project, not by rank alone.
4. Offer a short check-in after the choices.

## Pitfalls
- Deciding for the resident.
- A firm opinion on a placement you only know by hearsay.
- Forgetting a phase's compulsory placements, which block its validation.`,
  },
  {
    key: 'maquette',
    theme: 'maquette',
    title: 'Understanding the training plan (maquette)',
    when: 'In the first term, then at each change of phase',
    body: `## Questions to ask
- Do you know which phase you are in (foundation, deepening, consolidation) and what it requires?
- Which courses, seminars and portfolio entries must you complete this term?
- Have you noted the dates of the phase validation board?

## Steps
1. Go through the phases of the specialty training and the compulsory placements of each.
2. List the expected portfolio entries (RSCA, narratives, grids) and the term's deadlines.
3. Talk about the junior doctor year: what changes in autonomy and responsibility.
4. Write down the questions to ask the department of general practice.

## Pitfalls
- Letting portfolio entries pile up until the end of term.
- Mistaking one placement's habits for the faculty's requirements.
- Answering from memory about a rule that may have changed: check with the department.`,
  },
  {
    key: 'ecriture-rsca',
    theme: 'rsca',
    title: 'Writing an RSCA',
    when: 'Mid-term, before the portfolio deadline',
    body: `## Questions to ask
- Which situation struck, troubled or unsettled you this term?
- What makes it complex: medical, relational, ethical, organisational?
- Which questions does it raise, and where will you look for answers?

## Steps
1. Choose an authentic situation, lived by the resident, and complex.
2. The narrative first: what happened, in order, with what the resident felt.
3. The questions: two or three precise ones, not a lecture.
4. The literature search: sources cited, level of evidence discussed.
5. What the resident takes from it for their practice: the personal synthesis.
6. Offer a cross-reading in the group, with the author's consent.

## Pitfalls
- An "interesting case" with no personal involvement: that is not an RSCA.
- Questions that are too broad ("managing diabetes").
- Rewriting the text for the resident: comment and ask instead.
- Forgetting to anonymise the patient.`,
  },
  {
    key: 'sujet-de-these',
    theme: 'thesis',
    title: 'Finding a thesis topic',
    when: 'In the second year, at the latest when the deepening phase starts',
    body: `## Questions to ask
- Which question met in a placement made you want to know more?
- Do you lean towards qualitative work (interviews, focus groups) or quantitative (surveys, data)?
- Do you have a supervisor in mind?
- When do you aim to defend?

## Steps
1. Start from a primary-care practice question, put in one sentence.
2. Check it has not been answered already (thesis databases, PubMed, general practice journals).
3. Look for a supervisor: GP trainers, teachers of the department.
4. Write the thesis proposal and submit it as the department asks.
5. Plan the regulatory steps (ethics committee, data declaration) before collecting anything.

## Pitfalls
- A topic too wide for a practice thesis.
- Collecting data before the regulatory opinion.
- Waiting for the last year: the thesis must be defended within the training's time limits.`,
  },
  {
    key: 'installation',
    theme: 'installation',
    title: 'Steps to setting up in practice',
    when: 'At the end of training, then in the first years of practice',
    body: `## Questions to ask
- Which practice do you picture: alone, in a group, in a health centre, locum work first?
- Which area, and why?
- Where are you with the paperwork: locum licence, medical council registration, social contributions?

## Steps
1. Work as a locum to discover practices: locum licence, the council's model contracts.
2. Choose a place: local needs, zoning and set-up grants, local health networks and group practices.
3. The paperwork: medical council, health insurance, social contributions, pension fund, professional insurance.
4. Organise the practice: reception, software, out-of-hours duty.
5. Protect the balance between work and personal life from the start.

## Pitfalls
- Setting up without having worked as a locum in the area.
- Signing a partnership contract without having it reviewed.
- Underestimating the first year's paperwork.`,
  },
  {
    key: 'tutore-en-difficulte',
    theme: 'difficulty',
    title: 'A tutee in difficulty',
    when: 'As soon as a sign worries you: withdrawal, late portfolio entries, exhaustion, conflict at placement',
    body: `## Questions to ask
- How are you, really? What weighs most right now?
- Is it the placement, the workload, personal life, health?
- What would you need, and from whom?

## Steps
1. Get in touch quickly and simply, without waiting for the next planned meeting.
2. Listen, rephrase, do not judge.
3. Point to help that is independent: the tutor's guide and the organisation's help directory say what to say and where to turn — [open the help and the tutor's guide](HELP_PAGE).
4. For a difficulty at the placement (harassment, working conditions), offer to raise it with the coordination, named or anonymously.
5. Offer another check-in within the week.

## Pitfalls
- Becoming the resident's doctor: you support and point the way, you do not treat.
- Telling the coordination without their consent, except in immediate danger.
- Staying alone with it: talk it over with your tutor team, anonymised.`,
  },
];
