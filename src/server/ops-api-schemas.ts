import { z } from 'zod';

/** Body of POST /api/editions: empty, or exactly `{"dryRun": true|false}`; any other field is refused. */
export const triggerBodySchema = z.object({ dryRun: z.boolean().optional() }).strict();
