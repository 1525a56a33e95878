// Limits that the server enforces and the web app shows in hints.
export const SIGN_IN_LINK_MINUTES = 10;
export const SIGN_IN_REQUESTS_PER_EMAIL = 5;
export const SIGN_IN_REQUESTS_PER_IP = 30;
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SESSION_DAYS = 14;
export const FUND_NAME_MAX = 120;
export const FUND_PURPOSE_MAX_WORDS = 150;
export const EMAIL_MAX = 254;
export const INVITE_DAYS = 7;
/** Invites a fund may send in an hour: enough to bring a whole partnership in, too few to spam with. */
export const INVITES_PER_FUND_PER_HOUR = 30;
export const PHASES_MAX = 8;
export const PHASE_NAME_MAX = 80;
/** Largest amount of money the portal takes in one figure (pence): £20m, inside PostgreSQL's int. */
export const MONEY_MAX_PENCE = 2_000_000_000;
export const CUTOFF_HOURS_MAX = 168;
export const RESTRICTED_AREAS_MAX = 50;
/** A fund's priority taxonomy: its size, and how long a label and a description may be. */
export const PRIORITIES_MAX = 60;
export const PRIORITY_LABEL_MAX = 80;
export const PRIORITY_DESCRIPTION_MAX = 300;
/** Priority tags on one application. */
export const PRIORITY_TAGS_MAX = 12;
/** Areas a fund may list as covering (local authorities, or wards or LSOAs one by one). */
export const FUND_AREAS_MAX = 500;
/** Areas an officer may place one application in (its LSOAs, wards and local authorities together). */
export const APPLICATION_AREAS_MAX = 60;
