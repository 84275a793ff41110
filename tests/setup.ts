import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/temp';

// After every other hook of the file (vitest runs after-hooks last registered first): the
// file's own afterAll still has its folders to close databases and servers in.
afterAll(removeTempDirs);
