/**
 * A sign written before a currency symbol (`a net change of -$40`, `-\$12.50`) belongs to the
 * number: the response is read as `-40`. Without it the last-number fallback read 40, a positive
 * amount the text does not state.
 */
const SIGNED_CURRENCY = /-\\?\$\s?(?=\d)/g;

/** The response with `-$40` written as `-40`. */
export function withSignedCurrency(response: string): string {
  return response.includes('-$') || response.includes('-\\$')
    ? response.replace(SIGNED_CURRENCY, '-')
    : response;
}
