import { z } from 'zod'
import { MODEL_NAME } from '../conversation'

/** A model a window picked: it goes into request bodies, so only the characters model names use. */
export const modelName = z
  .string()
  .trim()
  .regex(MODEL_NAME, 'A model name uses letters, digits and . _ : / @ + - only, at most 200 characters.')
