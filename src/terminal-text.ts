/**
 * C0 and C1 control characters and DEL: ESC starts the sequences that move the cursor,
 * recolour, retitle the window or, on some terminals, write files. Tab stays visible as \t.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from the store (names, addresses) made safe to print on a terminal: every control
 * character is shown as an escape (`\x1b`, `\n`, `\t`), so a name can neither run terminal
 * sequences nor forge a line of output.
 */
export function escapeTerminal(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
