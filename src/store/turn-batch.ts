/**
 * Collects the items added during one turn of the event loop and writes them with one
 * `flush` call on the next: many small writes become one transaction. Each add's promise
 * settles when its batch was written (or rejects with the batch's error), so a caller never
 * goes on believing a write happened before it did.
 */
export function turnBatcher<T>(flush: (items: T[]) => void | Promise<void>): (item: T) => Promise<void> {
  let current: { items: T[]; written: Promise<void> } | null = null;
  return (item) => {
    if (!current) {
      const batch: { items: T[]; written: Promise<void> } = { items: [], written: Promise.resolve() };
      batch.written = new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          current = null;
          Promise.resolve()
            .then(() => flush(batch.items))
            .then(resolve, reject);
        }),
      );
      current = batch;
    }
    current.items.push(item);
    return current.written;
  };
}
