// The other tenant's `/me` loops of the fairness bench (tests/bench/api.ts), in a process of
// their own: in the bench's process they shared its event loop with the autocannon driving
// the big tenant's dashboard, and their latencies carried the client's own queue, not only
// the server's. ME_URL, ME_TOKEN, ME_CONNECTIONS, ME_SECONDS; prints one JSON line.
export {};

const url = process.env.ME_URL!;
const token = process.env.ME_TOKEN!;
const until = performance.now() + Number(process.env.ME_SECONDS) * 1000;
const times: number[] = [];
let failed = 0;
await Promise.all(
  Array.from({ length: Number(process.env.ME_CONNECTIONS) }, async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (res.status === 200) times.push(performance.now() - t0);
        else failed++;
      } catch {
        failed++;
      }
    }
  }),
);
times.sort((a, b) => a - b);
const p = (q: number) => Math.round(times[Math.floor((times.length - 1) * q)] ?? NaN);
console.log(JSON.stringify({ answers: times.length, failed, p50: p(0.5), p99: p(0.99) }));
