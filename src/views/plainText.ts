/**
 * Makes text from git or GitHub safe to show where VS Code interprets some syntax: notifications
 * turn `[label](command:…)` into clickable links, quick picks turn `$(name)` into icons, and
 * bidirectional controls can disguise text ("gnp.exe" shown as "exe.png"). The text stays
 * readable; only the syntax is broken.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

/** For notification messages: no markdown link can form. */
export function noLinks(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/\]\(/g, '] (');
}

/** For quick-pick labels and descriptions: no theme icon can form. */
export function noIcons(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/\$\(/g, '$\u200b(');
}

/** For any text from git or GitHub: no disguising direction controls. */
export function noBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
