// `bottleneck/light` (the build Octokit's throttling plugin uses) ships without its own types; it
// has the API of the full build.
declare module 'bottleneck/light' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
