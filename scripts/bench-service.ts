/**
 * Load on loopback with autocannon: GET a 1,000-comment thread (a full first page, and a
 * revalidation with If-None-Match) and POST new comments. Prints requests/s and latencies.
 *
 *   npm run bench:service
 */
import autocannon from 'autocannon';
import { startService } from '../test/service-process.js';

const THREAD = 'bench-thread';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const service = await startService(
  { DATELINE_FLOOD_SECONDS: '0', DATELINE_MODERATION: 'none' },
  [],
);

try {
  // 1,000 comments: 700 top-level, 300 replies
  const ids: string[] = [];
  for (let i = 0; i < 1000; i += 1) {
    const parentId =
      i % 10 >= 7 && ids.length ? ids[Math.floor(i / 10) * 7] : undefined;
    const res = await fetch(`${service.url}/api/threads/${THREAD}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        author: { name: `Reader ${i}`, email: `reader${i}@example.com` },
        body: `Comment number ${i} on the crackdown.`,
        ...(parentId ? { parentId } : {}),
      }),
    });
    if (res.status !== 201)
      throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
    ids.push((await res.json()).comment.id);
  }
  const pageUrl = `${service.url}/api/threads/${THREAD}/comments`;
  const etag = (await fetch(pageUrl)).headers.get('etag')!;

  const run = (title: string, opts: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        { connections: 32, duration: DURATION, ...opts, title },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });

  let n = 0;
  const results = [
    await run(
      'GET first page (50 top-level + replies) of a 1,000-comment thread',
      { url: pageUrl },
    ),
    await run('GET the same page with If-None-Match (304)', {
      url: pageUrl,
      headers: { 'if-none-match': etag },
    }),
    await run('POST a new comment', {
      url: pageUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            headers: {
              ...req.headers,
              'idempotency-key': `bench-${process.pid}-${++n}`,
            },
            body: JSON.stringify({
              author: { name: `Bench ${n}`, email: `bench${n}@example.com` },
              body: `Load test comment ${n}`,
            }),
          }),
        },
      ],
    }),
  ];
  console.log(
    `\n| request (loopback, 32 connections, ${DURATION} s) | requests/s (mean) | latency p50 | latency p99 | non-2xx |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const non2xx = r.non2xx - (r.title?.includes('304') ? r.requests.total : 0);
    console.log(
      `| ${r.title} | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${Math.max(0, non2xx)} |`,
    );
  }
} finally {
  await service.stop();
}
