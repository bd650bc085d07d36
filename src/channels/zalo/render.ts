/** How the neutral replies become Zalo messages: text within Zalo's length limit (channels/shared/text.ts), buttons' titles. */

/** Zalo refuses (-210), rather than truncates, a longer text. */
export const MAX_TEXT = 2000;
/** Zalo shows at most five buttons under a message. */
export const MAX_BUTTONS = 5;
/** Long button titles are cut (Zalo's exact limit is not documented reliably). */
const MAX_BUTTON_TITLE = 100;

export function buttonTitle(label: string): string {
  return label.length <= MAX_BUTTON_TITLE ? label : `${label.slice(0, MAX_BUTTON_TITLE - 1).trimEnd()}…`;
}
