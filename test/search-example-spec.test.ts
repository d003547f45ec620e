import { describe, expect, it } from 'vitest';
import { loadSpecFile } from '../src/core/spec.js';

// `rewardkit search --help` and docs/search.md name examples/search-prm.yaml: it must load and
// give the search a PRM component over an OpenAI-compatible endpoint.
describe('examples/search-prm.yaml', () => {
  it('loads as a spec whose verifier is a prm component over a models: endpoint', () => {
    const spec = loadSpecFile('examples/search-prm.yaml');
    expect(spec.rewards.map((reward) => reward.type)).toEqual(['prm']);
    expect(spec.models?.['prm']?.base_url).toBe('http://127.0.0.1:8100/v1');
    expect(spec.models?.['prm']?.model).toBe('world-prm');
  });
});
