export function trace(label: string) {
  if (!process.env.RH_TRACE) return;
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`TRACE ${label} ${Math.round(process.memoryUsage().heapUsed / 1048576)}MiB`);
}
