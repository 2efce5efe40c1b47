/**
 * A minimal Prometheus registry for what one process measures itself (request and scan latency).
 * Database-wide figures (queue depths, backlogs) are read at scrape time instead, so every process
 * reports the same numbers whichever one is scraped.
 */
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

export interface MetricsRegistry {
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  render(): string;
}

export function createMetricsRegistry(): MetricsRegistry {
  const requests = new Map<string, Histogram>();
  const statuses = new Map<string, number>();
  return {
    observeRequest(route, method, status, seconds) {
      const key = `method="${method}",route="${escapeLabel(route)}"`;
      let h = requests.get(key);
      if (!h) {
        h = { counts: buckets.map(() => 0), sum: 0, count: 0 };
        requests.set(key, h);
      }
      buckets.forEach((b, i) => {
        if (seconds <= b) h.counts[i] = (h.counts[i] ?? 0) + 1;
      });
      h.sum += seconds;
      h.count++;
      const statusKey = `${key},status="${status}"`;
      statuses.set(statusKey, (statuses.get(statusKey) ?? 0) + 1);
    },
    render() {
      const lines = [
        '# HELP shipdesk_http_request_duration_seconds Time to answer a request, by route (scan routes are the scan latency).',
        '# TYPE shipdesk_http_request_duration_seconds histogram',
      ];
      for (const [key, h] of requests) {
        for (const [i, b] of buckets.entries()) {
          lines.push(`shipdesk_http_request_duration_seconds_bucket{${key},le="${b}"} ${h.counts[i]}`);
        }
        lines.push(`shipdesk_http_request_duration_seconds_bucket{${key},le="+Inf"} ${h.count}`);
        lines.push(`shipdesk_http_request_duration_seconds_sum{${key}} ${h.sum.toFixed(6)}`);
        lines.push(`shipdesk_http_request_duration_seconds_count{${key}} ${h.count}`);
      }
      lines.push(
        '# HELP shipdesk_http_requests_total Requests answered, by route and status.',
        '# TYPE shipdesk_http_requests_total counter',
      );
      for (const [key, n] of statuses) lines.push(`shipdesk_http_requests_total{${key}} ${n}`);
      return `${lines.join('\n')}\n`;
    },
  };
}

export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
