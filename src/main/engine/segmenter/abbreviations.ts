/** Words whose trailing period never ends a sentence (stored lower case, without the final dot). */
export const NEVER_FINAL = new Set(
  (
    'mr mrs ms mx dr prof st rev fr gen capt cpt lt col sgt cpl maj adm cmdr gov sen rep pres supt hon ' +
    'mt ft e.g i.e eg ie cf vs v viz approx ca resp dept esp incl ' +
    'u.s.a'
  ).split(' ')
)

/** Periods that do not end a sentence when a number follows: "Fig. 3", "No. 5", "Jan. 12". */
export const BEFORE_NUMBER = new Set(
  (
    'no nos nr fig figs vol vols p pp ch chap sec sect art eq ex par op ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' ')
)

/**
 * Capitalised words that usually open a sentence. After an initial or a dotted
 * acronym ("U.S.", "J."), one of these means the period did end the sentence;
 * any other capitalised word ("U.S. Army", "J. Tolkien") means it did not.
 */
export const SENTENCE_OPENERS = new Set(
  (
    'A An The This That These Those It Its I We You He She They There Here Our Your My His Her Their ' +
    'But And So Or Yet However Also Then Now Today Tomorrow Yesterday Still Thus Therefore Meanwhile ' +
    'In On At For From With Without By After Before During Since When While If As Although Though ' +
    'What Why How Where Who Which Whose Yes No Not Please Let Note Some Many Most Each Every All ' +
    'One Two Three First Second Finally Next Overall Unlike Like Because Instead Otherwise Other'
  ).split(' ')
)

/** Conjunctions a run-on may be split before (lower case, followed by a space). */
export const CONJUNCTIONS = [
  'and',
  'but',
  'or',
  'so',
  'because',
  'which',
  'while',
  'although',
  'though',
  'whereas',
  'then',
  'yet',
  'unless',
  'since',
  'until'
] as const
