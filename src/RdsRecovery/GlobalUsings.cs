// The namespaces most files of the module use, imported once here rather than at the top of every file.
// A file still names the rarer ones it needs itself.
global using System;
global using System.Collections;
global using System.Collections.Generic;
global using System.Globalization;
global using System.Linq;
global using System.Management.Automation;

global using RdsRecovery.Api;
global using RdsRecovery.Errors;
global using RdsRecovery.Model;
global using RdsRecovery.Rules;
global using RdsRecovery.Validation;
global using RdsRecovery.PowerShell.Binding;
global using RdsRecovery.PowerShell.Cmdlets;
global using RdsRecovery.PowerShell.Completion;
global using RdsRecovery.PowerShell.Session;
