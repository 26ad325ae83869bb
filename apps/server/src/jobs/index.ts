/**
 * Every job the server runs, in one list: a job is known to the runner because it is named here,
 * never because some module happened to be imported. `index.test.ts` fails on a job defined in the
 * source but missing here. How to define and enqueue a job: registry.ts.
 */
import type { AppContext } from '../context.ts';
import { absencesSweep } from '../modules/absences/sweep.ts';
import { agreementsSweep } from '../modules/agreements/jobs.ts';
import { authMail } from '../modules/auth/mails.ts';
import { coachingSweep } from '../modules/coaching/sweep.ts';
import { tutorFeedbackSweep } from '../modules/feedback/sweep.ts';
import { alertNotices } from '../modules/followup/notices.ts';
import { reevaluateAlerts } from '../modules/followup/reevaluate.ts';
import { followupSweep, sweepOneProgramme } from '../modules/followup/sweep.ts';
import { pairingEnded } from '../modules/matching/ending.ts';
import { roundReminder } from '../modules/matching/round-notices.ts';
import { meetingInvitation } from '../modules/meetings/invitations.ts';
import { calendarRefreshSweep, meetingRemindersSweep } from '../modules/meetings/jobs.ts';
import { pollNudge } from '../modules/meetings/nudges.ts';
import { pollInvitation } from '../modules/meetings/polls.ts';
import { meetingReminder, pollReminder } from '../modules/meetings/reminders.ts';
import { networkMail, networkRemindersSweep } from '../modules/networks/mails.ts';
import { programmeInvitation } from '../modules/people/invitations.ts';
import { portfolioSweep } from '../modules/portfolio/jobs.ts';
import { reviewMail } from '../modules/portfolio/link.ts';
import { supervisorMail } from '../modules/portfolio/supervisor-link.ts';
import { confirmMail, declinedMail } from '../modules/requests/mails.ts';
import { retentionSweep } from '../modules/retention/purge.ts';
import { endReviewSweep } from '../modules/reviews/invite.ts';
import { questionnaireSweep } from '../modules/reviews/sweep.ts';
import { erasedNotice, eraseJob } from '../modules/rights/jobs.ts';
import { trainingMail, trainingRemindersSweep } from '../modules/training/mails.ts';
import { tutorReminder } from '../modules/wellbeing/alerts.ts';
import { checkinAsk, checkinSweep } from '../modules/wellbeing/schedule.ts';
import { digestSweep, sendDigest, sendNotice } from '../notify/notify.ts';
import { every, jobList } from './registry.ts';
import * as runner from './runner.ts';

const MINUTE = 60_000;

export const jobs = jobList(
  [
    // auth: sign-in links, password resets, programme invitations (one per e-mail).
    authMail,
    // people: invitations of existing accounts into a programme (e-mail and in-app notice).
    programmeInvitation,
    // notify/: one job per notice and recipient, the weekly digest.
    sendNotice,
    digestSweep,
    sendDigest,
    // meetings: polls and the organiser's nudges, invitations (new, update, cancel), reminders,
    // calendar subscriptions.
    pollInvitation,
    pollNudge,
    meetingInvitation,
    meetingRemindersSweep,
    meetingReminder,
    pollReminder,
    calendarRefreshSweep,
    // matching: the reminder of a choice round; what follows the end of a pairing once final.
    roundReminder,
    pairingEnded,
    // follow-up alerts: the hourly sweep, the evaluation after a pair's records change, and each
    // person's alert message of the day.
    followupSweep,
    sweepOneProgramme,
    reevaluateAlerts,
    alertNotices,
    // data rights: an erasure when it is due, then the e-mail that says it is done.
    eraseJob,
    erasedNotice,
    // retention: the daily purge of what each organisation's periods no longer allow.
    retentionSweep,
    // well-being: the sweep that opens due check-ins, the message asking each one, the tutor's
    // reminder of an alert still unopened.
    checkinSweep,
    checkinAsk,
    tutorReminder,
    // portfolio: the hourly sweep (each semester's plan, reminders before due dates), the trace
    // e-mailed to its tutor on the morning of its review week, the internship supervisor's link.
    portfolioSweep,
    reviewMail,
    supervisorMail,
    // reviews: the sweep asking the parties of pairs and groups that ended for their end review,
    // and the sweep sending each programme's questionnaires at their moment.
    endReviewSweep,
    questionnaireSweep,
    // requests to join: the private link to confirm the address, the answer to a declined request.
    confirmMail,
    declinedMail,
    // agreements: the hourly sweep of pairs' terms (reminder a month before the end, the end itself).
    agreementsSweep,
    // feedback: the hourly sweep asking tutees about their tutor, six months in and at the end.
    tutorFeedbackSweep,
    // training sessions: the e-mails with their invitation, the hourly sweep of day-before reminders.
    trainingMail,
    trainingRemindersSweep,
    // network sessions: the e-mails with their invitation, the hourly sweep of day-before reminders.
    networkMail,
    networkRemindersSweep,
    // absences: the hourly sweep telling tutees whom to contact when an absence starts, and who is back at its end.
    absencesSweep,
    // coaching of new tutors: the hourly sweep ending each coaching after its year, both tutors told.
    coachingSweep,
  ],
  [
    every(digestSweep, 60 * MINUTE),
    every(meetingRemindersSweep, 15 * MINUTE),
    every(calendarRefreshSweep, 30 * MINUTE),
    every(followupSweep, 60 * MINUTE),
    every(retentionSweep, 24 * 60 * MINUTE),
    every(checkinSweep, 60 * MINUTE),
    every(portfolioSweep, 60 * MINUTE),
    every(endReviewSweep, 60 * MINUTE),
    every(questionnaireSweep, 60 * MINUTE),
    every(agreementsSweep, 60 * MINUTE),
    every(tutorFeedbackSweep, 60 * MINUTE),
    every(trainingRemindersSweep, 60 * MINUTE),
    every(networkRemindersSweep, 60 * MINUTE),
    every(absencesSweep, 60 * MINUTE),
    every(coachingSweep, 60 * MINUTE),
  ],
);

/** Runs every due job of the list (tests call it with an injected `now`); see runner.ts. */
export const runDueJobs = (ctx: AppContext, opts?: Parameters<typeof runner.runDueJobs>[2]) =>
  runner.runDueJobs(ctx, jobs, opts);

/** Polls the jobs table in the background (main.ts); returns a stop function. */
export const startJobRunner = (ctx: AppContext, opts?: Parameters<typeof runner.startJobRunner>[2]) =>
  runner.startJobRunner(ctx, jobs, opts);
