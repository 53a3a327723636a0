/** The 8-sentence answer the latency benches stream. */
export const REFERENCE_ANSWER = [
  'Paris is the capital of France.',
  'It sits on the Seine in the north of the country.',
  'About two million people live in the city itself.',
  'The wider metropolitan area is home to more than twelve million.',
  'It has been the seat of government for most of the last thousand years.',
  'The Louvre, the largest art museum in the world, is there.',
  'So is the Eiffel Tower, finished in 1889 for a world fair.',
  'Millions of visitors come every year.'
].join(' ')
