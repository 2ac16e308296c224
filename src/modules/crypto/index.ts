// The crypto family: community.crypto's key, CSR and certificate modules, done with the target's openssl.
import type { Module } from '../types.js';
import { csrModule } from './openssl_csr/module.js';
import { csrPipeModule } from './openssl_csr_pipe/module.js';
import { privateKeyModule } from './openssl_privatekey/module.js';
import { privateKeyInfoModule } from './openssl_privatekey_info/module.js';
import { certificateModule } from './x509_certificate/module.js';
import { certificatePipeModule } from './x509_certificate_pipe/module.js';
import { certificateInfoModule } from './x509_certificate_info/module.js';

export const cryptoModules: Module[] = [privateKeyModule, privateKeyInfoModule, csrModule, csrPipeModule, certificateModule, certificatePipeModule, certificateInfoModule];
