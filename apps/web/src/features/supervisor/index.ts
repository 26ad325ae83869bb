// The internship supervisor's section, for the portfolio page to include.
export { SupervisorSection } from './SupervisorSection';
