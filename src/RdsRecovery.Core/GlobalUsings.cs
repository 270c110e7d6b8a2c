// The namespaces most files of the core use, imported once here rather than at the top of every file.
// A file still names the rarer ones it needs itself.
global using System;
global using System.Collections.Generic;
global using System.Globalization;
global using System.IO;
global using System.Linq;
global using System.Text;
global using System.Threading;
global using System.Threading.Tasks;

global using RdsRecovery.Api;
global using RdsRecovery.Errors;
global using RdsRecovery.Model;
global using RdsRecovery.Validation;
