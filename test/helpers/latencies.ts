/** How long another user waits while something heavy runs: the server must keep answering. */
import type { Client } from './test-app.ts'

/**
 * Sends a GET of `path` every 20 ms, as another user's browser would, until `pending` settles;
 * returns each one's latency (ms). Every answer must be a 200.
 */
export async function latenciesWhile(
  client: Client,
  path: string,
  pending: Promise<unknown>,
): Promise<number[]> {
  let settled = false
  void pending.finally(() => (settled = true))
  const latencies: number[] = []
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    const started = performance.now()
    expect((await client.get(path)).status).toBe(200)
    latencies.push(performance.now() - started)
  }
  return latencies
}
