// Limits that the server enforces and the web app shows in hints.
export const SIGN_IN_LINK_MINUTES = 10;
export const SIGN_IN_REQUESTS_PER_EMAIL = 5;
export const SIGN_IN_REQUESTS_PER_IP = 30;
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SESSION_DAYS = 14;
export const FUND_NAME_MAX = 120;
export const FUND_PURPOSE_MAX_WORDS = 150;
export const EMAIL_MAX = 254;
