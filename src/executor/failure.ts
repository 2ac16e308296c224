// When a play stops for everyone: Ansible's max_fail_percentage (strictly more than the percentage of the
// current batch failed) and "every host of the batch failed".

export function maxFailExceeded(failedInBatch: number, batchSize: number, maxFailPercentage: number | undefined): boolean {
  if (maxFailPercentage === undefined || batchSize === 0) return false;
  return (failedInBatch / batchSize) * 100 > maxFailPercentage;
}

export function wholeBatchFailed(failedInBatch: number, batchSize: number): boolean {
  return batchSize > 0 && failedInBatch >= batchSize;
}

/** Why the run stops when every host of the batch failed (no any_errors_fatal or max_fail_percentage involved). */
export const ALL_HOSTS_FAILED = 'NO MORE HOSTS LEFT';
