/**
 * "or"/"and" glued between two answers with no spaces (`W(x)=1orW(x)=-1`, `x=2orx=3`) is a
 * separator, not a word: after a digit or a closing bracket, before a capital, an opening bracket,
 * a command, a sign, a digit, or a lowercase name followed by `=` or `(`.
 */
export const GLUED_OR = /(?<=[\d)}\]])(?:or|and)(?=[A-Z(\\-]|\d|[a-z](?:_\w)?[=(])/g;
