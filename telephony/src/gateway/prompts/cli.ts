// `npx tsx telephony/src/gateway/prompts/cli.ts [dir] [--force]`: generate the prompts (also run by
// scripts/services/gateway.mjs before the gateway starts).
import { generatePrompts } from './generate-prompts.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'data/prompts';
const r = await generatePrompts(dir, { force: args.includes('--force') });
console.log(JSON.stringify({ dir: r.dir, generated: r.generated.length, kept: r.kept.length }));
