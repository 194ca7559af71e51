/** A page whose one paragraph sits `depth` divs deep: Readability's work grows with depth². */
export function nestedPage(depth: number): string {
  const text = 'The council met on Tuesday and agreed the budget for the harbour. '.repeat(8);
  return `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>${text}</p>${'</div>'.repeat(depth)}</body></html>`;
}
