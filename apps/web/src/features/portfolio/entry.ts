import { useSignedIn } from '../../app/session';
import { useMyPortfolios, useReviewQueue } from './queries';

/** The programme kind whose tutors review portfolios, as the templates ship it. */
const PORTFOLIO_TEMPLATE = 'des-tutoring';

/**
 * Where the portfolio enters the signed-in person's pages: the programmes where they keep one (as a
 * resident), and whether they review some (a tutor with a non-empty queue, or tutoring in a
 * programme of the kind that keeps portfolios).
 */
export function usePortfolioEntries() {
  const me = useSignedIn();
  const roles = (role: string) => me.memberships.filter((m) => m.role === role);
  const resident = roles('tutee').length > 0;
  const tutor = roles('tutor').length > 0;
  const mine = useMyPortfolios(resident);
  const queue = useReviewQueue(tutor);
  const q = queue.data;
  const queued = q ? q.due.length + q.later.reduce((n, w) => n + w.count, 0) : 0;
  const reviews =
    tutor && (queued > 0 || roles('tutor').some((m) => m.programme.template === PORTFOLIO_TEMPLATE));
  return {
    me,
    programmes: mine.data?.programmes ?? [],
    queue: reviews ? q : undefined,
    reviews,
  };
}
