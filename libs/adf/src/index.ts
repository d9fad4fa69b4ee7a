/** Placeholder until the ADF converter lands (issue #5). */
export const ADF_CONVERTER_AVAILABLE = false;
