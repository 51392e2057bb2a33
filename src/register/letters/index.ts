/** Letters of a case (告知书, 意见函, 答复书): composed from the register in the statute's wording, issued as DOCX and frozen. */
export { composeLetter, LETTER_KINDS, type LetterFacts, type LetterKind, letterLines, letterReadiness, type LetterText } from './compose-letter.ts';
export { availableLetters, issueLetter, type LetterItem, letterFacts, letterFile, listLetters, previewLetter } from './letters.ts';
export { OUTCOME_WORDING } from './outcome-wording.ts';
