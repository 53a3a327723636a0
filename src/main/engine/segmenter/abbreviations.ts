/**
 * Words whose trailing period never ends a sentence (stored lower case, without
 * the final dot): English, German, French and Spanish together. The union is
 * safe because none of these is also a common word that ends sentences in
 * another of the languages ("me", "die" are left out for that reason), so the
 * answer's language need not be known before its first boundary.
 */
export const NEVER_FINAL = new Set(
  // English
  (
    'mr mrs ms mx dr prof st rev fr gen capt cpt lt col sgt cpl maj adm cmdr gov sen rep pres supt hon ' +
    'mt ft e.g i.e eg ie cf vs v viz approx ca resp dept esp incl ' +
    'u.s.a ' +
    // German: "z.B.", "bzw.", "usw.", "Hr. Meier"
    'z.b d.h u.a u.u z.t o.ä bzw usw evtl ggf vgl inkl zzgl bspw sog frl dipl ' +
    // French: "Mme Curie", "env. 20"
    'mme mlle mgr env ste ' +
    // Spanish: "Sr. López", "p. ej.", "EE. UU."
    'sr sra srta sres dra ud uds vd vds ej ee lic ing arq avda atte dto'
  ).split(' ')
)

/** Periods that do not end a sentence when a number follows: "Fig. 3", "No. 5", "Jan. 12", "S. 5", "N°. 12". */
export const BEFORE_NUMBER = new Set(
  (
    'no nos nr fig figs vol vols p pp ch chap sec sect art eq ex par op ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'n° nº n.º s abs bd jh pág págs núm cap éd'
  ).split(' ')
)

/** Two-part abbreviations whose second period never ends a sentence: "p. ej.", "p. ex." (previous word, this word). */
export const NEVER_FINAL_PAIRS = new Set(['p. ej', 'p. ex', 'z. b', 'd. h', 'u. a', 'u. u', 'z. t', 'o. ä'])

/** Time of day: ends a sentence before a capital, unless the sentence so far is only "At 5 a.m.". */
export const TIMES_OF_DAY = new Set(['a.m', 'p.m'])
export const INTRODUCES_TIME = /^(?:at|by|before|after|until|till|from|around|since|about)\s+\d{1,2}(?:[:.]\d\d)?\s*$/i

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
    'One Two Three First Second Finally Next Overall Unlike Like Because Instead Otherwise Other ' +
    'Did Do Does Is Are Was Were Has Have Had Can Could Will Would Should May Might Must Shall'
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
