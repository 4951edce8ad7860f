/**
 * Prints a bearer token for the api: npm run token -- --role donor --participant NOR [--sub x] [--expires 8h]
 * Signed with AUTH_JWT_SECRET when set, otherwise with the development secret the api uses locally.
 */
import { parseArgs } from 'node:util';
import { Role } from '@cm/domain';
import { signToken } from '@cm/platform';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      participant: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (!values.role)
    throw new Error('usage: npm run token -- --role <role> [--participant NOR] [--sub x] [--expires 8h]');
  const token = await signToken({
    role: values.role as Role,
    participant: values.participant,
    sub: values.sub,
    expires: values.expires,
    secret: process.env.AUTH_JWT_SECRET || undefined,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
