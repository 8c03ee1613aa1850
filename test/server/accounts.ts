import { stableNumber } from './hashing';
import type { ScenarioAccount } from './scenario';

/** An account whose id depends only on its login. */
export function account(
  login: string,
  type: 'Organization' | 'User',
  name: string | null = null,
): ScenarioAccount {
  return { login, id: 1_000_000 + stableNumber(`account:${login}`, 90_000_000), type, name };
}
