/** Small tabular MDPs: solving, shaping checks, STARC distance. */
export { checkShaping, type ShapingReport } from './check-shaping.js';
export {
  type RewardTable,
  randomMdp,
  seededRandom,
  shapeWithPotential,
  shapeWithTable,
  type TabularMdp,
} from './mdp.js';
export { denseMdp, type LoadedMdp, type MdpFile, MdpFileSchema } from './mdp-file.js';
export { canonicalize, starcDistance } from './starc.js';
export { evaluatePolicy, type Solution, uniformPolicy, valueIteration } from './value-iteration.js';
